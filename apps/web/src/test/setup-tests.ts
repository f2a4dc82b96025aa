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
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {};
