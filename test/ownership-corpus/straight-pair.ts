// Both ListArcs of a pair are tracked (array destructuring).
import { ListArc, List, ListItem, UniqueArc } from "ts-smart-pointer";

@ListItem(0, 1)
class Both {
  n = 0;
}
export function f(list: List<Both>): void {
  const [first, second] = ListArc.pairFromUnique(UniqueArc.new(new Both()), 1);
  list.pushBack(first);
  ListArc.drop(second);
  console.log(first.n); // error: TS9012
}
