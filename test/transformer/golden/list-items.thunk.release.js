import { ListArc, List, ListItem } from "ts-smart-pointer";
import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class Tick {
    constructor() {
        __sp_1.listSlots(this);
    }
    run(self, q) { q.pushBack(self); }
    static {
        __sp_1.listItem(this, [0, 1]);
        __sp_1.receivers(this, { "run": "ListArc" });
    }
}
class Base {
    at;
    constructor(at) {
        this.at = at;
    }
}
class Delayed extends Base {
    by;
    constructor(at, by) {
        super(at + by);
        this.by = by;
        __sp_1.listSlots(this);
    }
    run(self, q) { q.pushBack(self); }
    static {
        __sp_1.listItem(this, [0]);
        __sp_1.receivers(this, { "run": "ListArc" });
    }
}
class Retry extends Delayed {
    constructor(...args_1) {
        super(...args_1);
        __sp_1.listSlots(this);
    }
    static {
        __sp_1.listItem(this, [2]);
    }
}
const q = new List();
q.pushBack(ListArc.new(new Tick()));
q.pushBack(ListArc.new(new Retry(1, 2)));
for (let w = q.popFront(); w !== null; w = q.popFront())
    __sp_move_run_1(w, q);
function __sp_move_run_1(p, ...a) {
    return p[__spPointee_1].run(p, ...a);
}
