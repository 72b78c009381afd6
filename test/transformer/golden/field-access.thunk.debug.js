import { Arc, UniqueArc } from "ts-smart-pointer";
import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class Point {
    x = 1;
    y = 2;
}
const p = Arc.new(new Point());
const u = UniqueArc.new(new Point());
const sum = __sp_1.live(p, "x").x + __sp_1.live(p, "y").y;
__sp_1.live(u, "x").x = sum;
__sp_1.live(u, "y").y += 1;
__sp_1.live(u, "x").x++;
