import { deserialize, serialize } from 'node:v8';

/**
 * jsdom has no layout engine, so React Flow cannot measure anything there. These are the stand-ins
 * React Flow's own testing guide uses: every element reports its inline size (or 1px), and observed
 * elements are "measured" immediately. Everything else in the component tests is the real code.
 */
class ResizeObserverStub {
  constructor(private callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

// jsdom lacks structuredClone (browsers and Node have it); dagre uses it for its graph copies.
function structuredCloneViaV8<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

let installed = false;

export function installReactFlowEnv(): void {
  if (installed) return;
  installed = true;
  Object.assign(globalThis, { ResizeObserver: ResizeObserverStub, DOMMatrixReadOnly: DOMMatrixReadOnlyStub });
  if (typeof globalThis.structuredClone !== 'function') Object.assign(globalThis, { structuredClone: structuredCloneViaV8 });
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return parseFloat(this.style.height) || 1;
      },
    },
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return parseFloat(this.style.width) || 1;
      },
    },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
