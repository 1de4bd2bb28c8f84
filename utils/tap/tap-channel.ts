import type { TapRecord } from './tap-record';

/**
 * The one-time handshake that hands a private MessagePort from the isolated content script to the tap.
 * Both run at document_start, before any page script (network-capture.md §1.4: the secret must exist
 * before the page runs; window.postMessage and named events carrying data can be read and forged by the
 * page). The handshake events carry no data but the port, are dispatched synchronously (no page listener
 * can exist yet), and each side accepts exactly one: later events, which only the page could send, are ignored.
 * Whichever side runs second completes it: the tap announces itself with READY, the isolated side offers a
 * port with OFFER and learns synchronously (preventDefault) whether the tap took it.
 */
export const TAP_READY_EVENT = 'orderlens:tap-ready';
export const TAP_OFFER_EVENT = 'orderlens:tap-offer';

/** Records kept while the port has not arrived (the first responses of a page load), at most. */
const MAX_QUEUED = 50;

/** MAIN world: returns the function that sends records to the isolated side once connected. */
export function connectTapToIsolated(doc: Document): (record: TapRecord) => void {
  let port: MessagePort | null = null;
  const queued: TapRecord[] = [];
  const onOffer = (event: Event) => {
    const offered = (event as MessageEvent).ports?.[0];
    if (port || !offered) return;
    port = offered;
    event.preventDefault(); // tells the isolated side, synchronously, that the tap has the port
    doc.removeEventListener(TAP_OFFER_EVENT, onOffer, true);
    for (const record of queued.splice(0)) port.postMessage(record);
  };
  doc.addEventListener(TAP_OFFER_EVENT, onOffer, true);
  doc.dispatchEvent(new Event(TAP_READY_EVENT));
  return (record) => {
    if (port) port.postMessage(record);
    else if (queued.length < MAX_QUEUED) queued.push(record);
  };
}

/**
 * Isolated world: offers a port to the tap now and, if the tap is not there yet, once more when it
 * announces itself (only until the document finished parsing). Calls `onRecord` with every message
 * received; what arrives is page-controlled data, to be validated by the caller.
 */
export function openTapChannel(doc: Document, onRecord: (data: unknown) => void): { connected: () => boolean; close: () => void } {
  let channel: MessageChannel | null = null;
  const offer = () => {
    if (channel) return;
    const candidate = new MessageChannel();
    const event = new MessageEvent(TAP_OFFER_EVENT, { ports: [candidate.port2], cancelable: true });
    if (doc.dispatchEvent(event)) {
      candidate.port1.close();
      return; // nobody took it: the tap has not run yet
    }
    channel = candidate;
    channel.port1.onmessage = (message) => onRecord(message.data);
    stopOffering();
  };
  const stopOffering = () => {
    doc.removeEventListener(TAP_READY_EVENT, offer, true);
    doc.removeEventListener('DOMContentLoaded', stopOffering, true);
  };
  doc.addEventListener(TAP_READY_EVENT, offer, true);
  doc.addEventListener('DOMContentLoaded', stopOffering, true);
  offer();
  return {
    connected: () => channel !== null,
    close: () => {
      stopOffering();
      channel?.port1.close();
    },
  };
}
