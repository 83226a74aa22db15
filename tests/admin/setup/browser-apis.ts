/*
 * What the admin expects of a browser that jsdom does not provide, as Strapi's own admin test
 * setup fills it in (@strapi/admin-test-utils, setup.ts): window.strapi, and the layout, media and
 * pointer APIs the design system's Radix primitives call.
 */

window.strapi = {
  backendURL: 'http://localhost:1337',
  isEE: false,
  isTrial: false,
  isTrialLicense: false,
  ai: { enabled: false },
  features: { SSO: 'sso', isEnabled: () => false },
  future: { isEnabled: () => false },
  projectType: 'Community',
  telemetryDisabled: true,
  flags: { nps: false, promoteEE: false },
} as unknown as typeof window.strapi;

/** Observers that never report: jsdom lays nothing out, so there is nothing to observe. */
class SilentObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
window.ResizeObserver = SilentObserver as unknown as typeof ResizeObserver;
window.IntersectionObserver = SilentObserver as unknown as typeof IntersectionObserver;

window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

window.scrollTo = () => {};
window.HTMLElement.prototype.scrollIntoView = () => {};
window.HTMLElement.prototype.hasPointerCapture = () => false;
window.HTMLElement.prototype.releasePointerCapture = () => {};

/** jsdom has no PointerEvent; Radix selects open on pointer events (left button, mouse). */
class PointerEventShim extends MouseEvent {
  readonly pointerType: string;

  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerType = init.pointerType ?? 'mouse';
  }
}
window.PointerEvent = PointerEventShim as unknown as typeof PointerEvent;
