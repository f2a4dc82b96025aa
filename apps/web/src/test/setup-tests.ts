// jsdom lays nothing out: give elements a size so the virtualised list renders rows, and stub what jsdom lacks.
for (const [name, value] of [
  ['clientHeight', 600],
  ['clientWidth', 800],
  ['offsetHeight', 600],
  ['offsetWidth', 800],
] as const) {
  Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
}
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// A scroller's content height is what its children say in inline styles (the virtual list sizes its spacer so).
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    const content = [...this.children].reduce((sum, child) => sum + (parseFloat((child as HTMLElement).style?.height ?? '') || 0), 0);
    return Math.max(content, this.clientHeight);
  },
});
// jsdom has no scrolling: keep scrollTop as a plain value, and let scrollTo set it, as a browser would.
const offsets = new WeakMap<Element, number>();
Object.defineProperty(Element.prototype, 'scrollTop', {
  configurable: true,
  get(this: Element) {
    return offsets.get(this) ?? 0;
  },
  set(this: Element, value: number) {
    offsets.set(this, Math.max(0, value));
  },
});
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'object' ? options.top : y;
  if (typeof top === 'number') this.scrollTop = top;
};
