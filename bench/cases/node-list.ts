// Node's own intrusive list (lib/internal/linkedlist.js, which carries every timer), as a peer:
// the same design, with the links as plain fields on the item.
export interface Linked {
  _idleNext: Linked | null;
  _idlePrev: Linked | null;
}
export function init(list: Linked): Linked {
  list._idleNext = list;
  list._idlePrev = list;
  return list;
}
export function peek(list: Linked): Linked | null {
  return list._idlePrev === list ? null : list._idlePrev;
}
export function remove(item: Linked): void {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
export function append(list: Linked, item: Linked): void {
  if (item._idleNext || item._idlePrev) remove(item);
  item._idleNext = list._idleNext;
  list._idleNext!._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}
export function isEmpty(list: Linked): boolean {
  return list._idleNext === list;
}
