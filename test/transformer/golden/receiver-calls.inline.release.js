var _a, _b, _c;
import { Arc } from "ts-smart-pointer";
import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class Job {
    name = "job";
    describe() { return this.name; }
    run(self, n) { Arc.drop(self); return n; }
    peek(self) { return Arc.from(self); }
    static {
        __sp_1.receivers(this, { "run": "Arc", "peek": "ArcBorrow" });
    }
}
const job = Arc.new(new Job());
job[__spPointee_1].describe();
(_a = Arc.clone(job))[__spPointee_1].run(_a, 1);
(_b = Arc.asArcBorrow(job))[__spPointee_1].peek(_b);
const jobs = [job];
jobs[0][__spPointee_1].describe();
(_c = Arc.clone(jobs[0]))[__spPointee_1].run(_c, 2);
