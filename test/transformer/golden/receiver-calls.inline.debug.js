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
__sp_1.live(job, "describe").describe();
(_a = __sp_1.move(Arc.clone(job), "run"))[__spPointee_1].run(_a, 1);
__sp_1.live((_b = Arc.asArcBorrow(job)), "peek").peek(_b);
const jobs = [job];
__sp_1.live(jobs[0], "describe").describe();
(_c = __sp_1.move(Arc.clone(jobs[0]), "run"))[__spPointee_1].run(_c, 2);
