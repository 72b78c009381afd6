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
    w[__spPointee_1].run(w, q);
