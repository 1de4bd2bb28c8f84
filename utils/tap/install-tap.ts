import { decodeBody } from './decode-body';
import { TAP_MAX_BODY_CHARS, type TapRecord } from './tap-record';

export interface TapOptions {
  /** Allow-list: the endpoint id of a URL, or null. Must not throw (it is guarded anyway). */
  match(url: string): string | null;
  /** Receives each allow-listed body, always in a task of its own, once the page is idle. */
  forward(record: TapRecord): void;
}

type TapWindow = Window & typeof globalThis;

const INSTALLED = Symbol.for('orderlens.tap');

/** Schedules building a record (decode, serialise) for later; `produce` may return null to skip. */
type Deliver = (produce: () => TapRecord | null | Promise<TapRecord | null>) => void;

/**
 * Wraps the page's fetch and XMLHttpRequest to read the bodies of allow-listed order responses.
 * It never modifies, delays, replays or starts a request, never reads request headers, cookies or tokens,
 * and never throws into the page: every call goes to the native function with the page's own `this` and
 * arguments, and the tap's own work happens on a clone or after the request ended, in a later task.
 */
export function installTap(win: TapWindow, options: TapOptions): void {
  const marked = win as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return; // a second injection (extension reload) must not wrap twice
  Object.defineProperty(win, INSTALLED, { value: true });
  // Reading the clone, decoding and posting (and the isolated side's parsing, which runs on the same
  // thread right after) wait until the page is idle: its own handlers and rendering come first.
  const whenIdle = (run: () => void) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 1000 });
    else win.setTimeout(run, 50);
  };
  const forwardLater: Deliver = (produce) => {
    whenIdle(() => {
      Promise.resolve()
        .then(produce)
        .then((record) => {
          if (record && record.text.length <= TAP_MAX_BODY_CHARS) options.forward(record);
        })
        .catch(() => undefined); // undecodable body, or the channel is gone (extension reloaded)
    });
  };
  const match = (url: string | null | undefined): string | null => {
    if (!url) return null;
    try {
      return options.match(url);
    } catch {
      return null;
    }
  };
  wrapFetch(win, match, forwardLater);
  wrapXhr(win, match, forwardLater);
}

function keepShape(wrapper: Function, native: Function): void {
  try {
    Object.defineProperty(wrapper, 'name', { value: native.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: native.length, configurable: true });
  } catch {
    // frozen function objects: leave as is
  }
}

function requestUrl(win: TapWindow, input: unknown): string | null {
  try {
    if (typeof input === 'string') return new win.URL(input, win.location.href).href;
    if (input instanceof win.URL) return input.href;
    if (input instanceof win.Request) return input.url;
  } catch {
    // an invalid URL: the native fetch rejects it on its own
  }
  return null;
}

function wrapFetch(win: TapWindow, match: (url: string | null) => string | null, forward: Deliver): void {
  const nativeFetch = win.fetch;
  if (typeof nativeFetch !== 'function') return;
  const fetch = function fetch(this: unknown, ...args: Parameters<typeof win.fetch>): Promise<Response> {
    const pending = nativeFetch.apply(this, args) as Promise<Response>;
    try {
      const endpoint = match(requestUrl(win, args[0]));
      if (endpoint) {
        // Our handler is attached before the page gets the promise, so the clone is taken before the page
        // reads the body; the page's own chain is untouched.
        pending.then(
          (response) => readFetchResponse(response, endpoint, match, forward),
          () => undefined, // failed or aborted: the page sees the rejection as before
        );
      }
    } catch {
      // never into the page
    }
    return pending;
  };
  keepShape(fetch, nativeFetch);
  try {
    win.fetch = fetch as typeof win.fetch;
  } catch {
    // a non-writable fetch: no fetch capture on this page
  }
}

function readFetchResponse(response: Response, endpoint: string, match: (url: string | null) => string | null, forward: Deliver): void {
  try {
    if (!response || response.type === 'opaque' || response.status === 0) return;
    // After a redirect the final URL must still be an order endpoint.
    if (response.url && !match(response.url)) return;
    const contentType = response.headers.get('content-type');
    const clone = response.clone(); // throws when the page (or another wrapper) already used the body
    const receivedAt = Date.now();
    forward(() =>
      clone.arrayBuffer().then(
        (buffer) => ({ v: 1, endpoint, url: response.url, status: response.status, via: 'fetch', text: decodeBody(new Uint8Array(buffer), contentType), receivedAt }),
        () => null, // aborted while reading
      ),
    );
  } catch {
    // body already used, or a Response we cannot clone
  }
}

interface XhrState {
  endpoint: string;
  url: string;
  done: boolean;
  listening: boolean;
}

function wrapXhr(win: TapWindow, match: (url: string | null) => string | null, forward: Deliver): void {
  const Xhr = win.XMLHttpRequest;
  if (typeof Xhr !== 'function') return;
  const proto = Xhr.prototype;
  const nativeOpen = proto.open;
  const nativeSend = proto.send;
  const nativeAbort = proto.abort;
  const states = new WeakMap<XMLHttpRequest, XhrState>();

  const finish = (xhr: XMLHttpRequest) => {
    const state = states.get(xhr);
    if (!state || state.done || xhr.readyState !== 4) return;
    state.done = true;
    try {
      if (xhr.status === 0) return; // aborted, failed or timed out
      const url = xhr.responseURL || state.url;
      if (xhr.responseURL && !match(xhr.responseURL)) return;
      const body = takeXhrBody(xhr);
      if (!body) return;
      const record = { v: 1, endpoint: state.endpoint, url, status: xhr.status, via: `xhr:${xhr.responseType || 'text'}`, receivedAt: Date.now() } as const;
      forward(() => Promise.resolve(body()).then((text) => (text === null ? null : { ...record, text })));
    } catch {
      // never into the page
    }
  };
  const onReadyStateChange = function (this: XMLHttpRequest) {
    // Reading at DONE, not only at loadend: Angular calls abort() on completed requests inside
    // onreadystatechange, which turns status to 0 before load/loadend (DataDog browser-sdk's note).
    if (this.readyState === 4) finish(this);
  };
  const onLoadEnd = function (this: XMLHttpRequest) {
    finish(this);
  };

  const open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = requestUrl(win, args[1]);
      const endpoint = match(url);
      const known = states.get(this);
      if (endpoint && url) {
        const state = { endpoint, url, done: false, listening: known?.listening ?? false };
        states.set(this, state);
        if (!state.listening) {
          state.listening = true;
          this.addEventListener('readystatechange', onReadyStateChange);
          this.addEventListener('loadend', onLoadEnd);
        }
      } else if (known) {
        // re-opened for another URL: forget the endpoint, keep the (cheap) listeners
        states.set(this, { ...known, endpoint: '', done: true });
      }
    } catch {
      // never into the page
    }
    return (nativeOpen as (...a: unknown[]) => void).apply(this, args);
  };
  const send = function send(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const state = states.get(this);
      if (state && state.endpoint) state.done = false;
    } catch {
      // never into the page
    }
    return (nativeSend as (...a: unknown[]) => void).apply(this, args);
  };
  // abort() on a completed request clears its response (Angular does this inside onreadystatechange,
  // which may run before our listener): read the body first.
  const abort = function abort(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      finish(this);
    } catch {
      // never into the page
    }
    return (nativeAbort as (...a: unknown[]) => void).apply(this, args);
  };
  keepShape(open, nativeOpen);
  keepShape(send, nativeSend);
  keepShape(abort, nativeAbort);
  try {
    proto.open = open as typeof proto.open;
    proto.send = send as typeof proto.send;
    proto.abort = abort as typeof proto.abort;
  } catch {
    // frozen prototype: no XHR capture on this page
  }
}

/**
 * Takes what a finished XHR holds, whatever its responseType, synchronously and cheaply (references only:
 * an abort() later clears the response), and returns how to turn it into text later. Never changes what
 * the page reads: `responseText` only where it is allowed, buffers read without being detached.
 */
function takeXhrBody(xhr: XMLHttpRequest): (() => string | null | Promise<string | null>) | null {
  const type = xhr.responseType;
  if (type === '' || type === 'text') {
    const text = xhr.responseText; // already decoded by the browser with the response's charset
    return () => text;
  }
  if (type === 'document') return null; // HTML/XML, not an order endpoint's answer
  const response: unknown = xhr.response;
  if (response == null) return null;
  const contentType = xhr.getResponseHeader('content-type');
  // The browser parsed it already (as UTF-8, numbers beyond 2^53 already rounded): serialise it back.
  if (type === 'json') return () => JSON.stringify(response);
  if (type === 'arraybuffer') {
    const buffer = response as ArrayBuffer;
    // byteLength 0 later means the page transferred (detached) it meanwhile: skip rather than guess.
    return () => (buffer.byteLength === 0 ? null : decodeBody(new Uint8Array(buffer), contentType));
  }
  if (type === 'blob') return () => (response as Blob).arrayBuffer().then((buffer) => decodeBody(new Uint8Array(buffer), contentType));
  return null;
}
