class Plain {
    n = 1;
    get() { return this.n; }
}
const plain = new Plain();
plain.get();
export {};
