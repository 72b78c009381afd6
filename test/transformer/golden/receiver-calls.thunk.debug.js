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
__sp_method_describe_1(job);
__sp_move_run_1(Arc.clone(job), 1);
__sp_receiver_peek_1(Arc.asArcBorrow(job));
const jobs = [job];
__sp_method_describe_1(jobs[0]);
__sp_move_run_1(Arc.clone(jobs[0]), 2);
function __sp_method_describe_1(p, ...a) {
    return __sp_1.live(p, "describe").describe(...a);
}
function __sp_move_run_1(p, ...a) {
    const s = __sp_1.move(p, "run");
    return s[__spPointee_1].run(s, ...a);
}
function __sp_receiver_peek_1(p, ...a) {
    return __sp_1.live(p, "peek").peek(p, ...a);
}
