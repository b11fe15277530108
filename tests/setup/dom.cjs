// Fluent UI v9 needs ResizeObserver, which jsdom lacks.
if (typeof window !== 'undefined' && !window.ResizeObserver) {
  window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
