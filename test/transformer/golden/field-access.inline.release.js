import { Arc, UniqueArc } from "ts-smart-pointer";
import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class Point {
    x = 1;
    y = 2;
}
const p = Arc.new(new Point());
const u = UniqueArc.new(new Point());
const sum = p[__spPointee_1].x + p[__spPointee_1].y;
u[__spPointee_1].x = sum;
u[__spPointee_1].y += 1;
u[__spPointee_1].x++;
