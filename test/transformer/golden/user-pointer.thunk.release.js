import { SmartPointer, Pointee } from "ts-smart-pointer";
import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";
const __spPointee_1 = __sp_1.Pointee;
class RcPtr {
    [Pointee];
    constructor(value) { this[Pointee] = value; }
    static {
        __sp_1.pointer(this);
    }
}
class Greeter {
    word = "hi";
    greet(self, who) { return this.word + who; }
    static {
        __sp_1.receivers(this, { "greet": "RcPtr" });
    }
}
const g = new RcPtr(new Greeter());
__sp_receiver_greet_1(g, "you");
g[__spPointee_1].word;
function __sp_receiver_greet_1(p, ...a) {
    return p[__spPointee_1].greet(p, ...a);
}
