import { ListArc, List, ListItem } from "ts-smart-pointer";
import { abi1 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class Tick {
    run(self, q) { q.pushBack(self); }
    static {
        __sp_1.listItem(this, [0, 1]);
        __sp_1.receivers(this, { "run": "ListArc" });
    }
}
const q = new List();
q.pushBack(ListArc.new(new Tick()));
for (let w = q.popFront(); w !== null; w = q.popFront())
    __sp_move_run_1(w, q);
function __sp_move_run_1(p, ...a) {
    const s = __sp_1.move(p, "run");
    return s[__spPointee_1].run(s, ...a);
}
