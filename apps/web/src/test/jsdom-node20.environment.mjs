// jsdom 31 targets Node 22 and this repository runs Node 20. What it needs beyond Node 20, added here before
// it loads (only in the test process; the app itself runs in browsers, which have all of these):
// - the global Iterator with its helpers (jsdom's tree iterators extend it and call .find()), in this realm and
//   in every vm context jsdom creates for a window (it copies each global it finds here into the window),
// - Promise.withResolvers (used by the dialog's focus handling),
// - zlib.createZstdDecompress and worker_threads.markAsUncloneable, read by undici 8 at import time. The tests
//   never decode zstd nor clone undici objects across threads (their fetch is scripted): a stand-in that fails
//   loudly and a no-op are enough.
// Everything else is vitest's own jsdom environment.
import vm from 'node:vm';
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';
import { builtinEnvironments } from 'vitest/runtime';

function installNode22Globals() {
  if (typeof Promise.withResolvers !== 'function') {
    Promise.withResolvers = function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((yes, no) => {
        resolve = yes;
        reject = no;
      });
      return { promise, resolve, reject };
    };
  }
  if (typeof globalThis.Iterator === 'function') return;
  const prototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  function Iterator() {
    if (new.target === undefined || new.target === Iterator) throw new TypeError('Iterator is an abstract class');
  }
  Iterator.prototype = prototype;
  const define = (name, value) => Object.defineProperty(prototype, name, { value, writable: true, configurable: true, enumerable: false });
  define('constructor', Iterator);
  define('map', function* map(fn) {
    let index = 0;
    for (const value of { [Symbol.iterator]: () => this }) yield fn(value, index++);
  });
  define('filter', function* filter(fn) {
    let index = 0;
    for (const value of { [Symbol.iterator]: () => this }) if (fn(value, index++)) yield value;
  });
  define('take', function* take(limit) {
    let left = limit;
    if (left <= 0) return;
    for (const value of { [Symbol.iterator]: () => this }) {
      yield value;
      if (--left <= 0) return;
    }
  });
  define('drop', function* drop(count) {
    let left = count;
    for (const value of { [Symbol.iterator]: () => this }) {
      if (left > 0) left -= 1;
      else yield value;
    }
  });
  define('flatMap', function* flatMap(fn) {
    let index = 0;
    for (const value of { [Symbol.iterator]: () => this }) yield* fn(value, index++);
  });
  const each = (iterator, visit) => {
    let index = 0;
    for (const value of { [Symbol.iterator]: () => iterator }) if (visit(value, index++) === false) return;
  };
  define('forEach', function forEach(fn) {
    each(this, (value, index) => void fn(value, index));
  });
  define('toArray', function toArray() {
    const out = [];
    each(this, (value) => void out.push(value));
    return out;
  });
  define('reduce', function reduce(fn, ...initial) {
    let started = initial.length > 0;
    let accumulator = initial[0];
    each(this, (value, index) => {
      accumulator = started ? fn(accumulator, value, index) : value;
      started = true;
    });
    if (!started) throw new TypeError('Reduce of empty iterator with no initial value');
    return accumulator;
  });
  define('some', function some(fn) {
    let found = false;
    each(this, (value, index) => !(found = Boolean(fn(value, index))));
    return found;
  });
  define('every', function every(fn) {
    let all = true;
    each(this, (value, index) => (all = Boolean(fn(value, index))));
    return all;
  });
  define('find', function find(fn) {
    let result;
    each(this, (value, index) => {
      if (!fn(value, index)) return true;
      result = value;
      return false;
    });
    return result;
  });
  Iterator.from = (value) => {
    const iterator = typeof value[Symbol.iterator] === 'function' ? value[Symbol.iterator]() : value;
    if (iterator instanceof Iterator) return iterator;
    const wrapped = Object.create(prototype);
    wrapped.next = (...args) => iterator.next(...args);
    return wrapped;
  };
  Object.defineProperty(globalThis, 'Iterator', { value: Iterator, writable: true, configurable: true });
}

installNode22Globals();
const createContext = vm.createContext;
vm.createContext = function createContextWithIterator(...args) {
  const context = createContext.apply(this, args);
  vm.runInContext(`(${installNode22Globals.toString()})()`, context);
  return context;
};
if (typeof zlib.createZstdDecompress !== 'function') {
  zlib.createZstdDecompress = () => {
    throw new Error('zstd decompression needs Node 22 or later');
  };
}
if (typeof workerThreads.markAsUncloneable !== 'function') workerThreads.markAsUncloneable = () => undefined;

export default { ...builtinEnvironments.jsdom, name: 'jsdom-node20' };
