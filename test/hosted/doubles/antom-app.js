// A test double of Antom's hosted vaulting app (the page the SDK puts in its iframe), speaking the
// postMessage protocol of @alipay/ams-checkout 1.47.2 as its code expects
// (esm/plugin/component/index.js: listener :989-1006, _handleAppMessage :1214+, dispatchToApp
// :1794-1813; reference antom-production.md §3.2):
// - to the page: JSON strings {name: 'APP_TO_SDK', instanceId, context: {event, data?, eventCallbackId?}},
//   from this page's origin (the SDK ignores other origins and other instanceIds);
// - from the page: {name: 'SDK_TO_APP', instanceId, context: {event: 'submitPay', eventCallbackId, data}}.
// What it answers is chosen by the `scenario` query parameter (the test's elementLink carries it):
//   success | fail | error-code | unknown-code | processing (after submitPay), silent (never
//   launches: the SDK's own load timeout), no-ready (launches, never dismisses its loading).
const query = new URLSearchParams(location.search);
const instanceId = query.get('instanceId') ?? '';
const scenario = query.get('scenario') ?? 'success';
const parentOrigin = new URL(query.get('refUrl') ?? document.referrer).origin;

function post(event, data, eventCallbackId) {
  const message = {name: 'APP_TO_SDK', instanceId, context: {event, ...(data === undefined ? {} : {data}), ...(eventCallbackId ? {eventCallbackId} : {})}};
  parent.postMessage(JSON.stringify(message), parentOrigin);
}

const REPORTS = {
  success: {code: 'SDK_PAYMENT_SUCCESSFUL', message: 'card vaulted'},
  fail: {code: 'SDK_PAYMENT_FAIL', message: 'declined', result: {result: {resultCode: 'CARD_NOT_SUPPORTED'}}},
  'error-code': {code: 'SDK_SUBMIT_NETWORK_ERROR', message: 'network'},
  'unknown-code': {code: 'SDK_SOMETHING_NEW', message: 'not in the table'},
  processing: {code: 'SDK_PAYMENT_PROCESSING', message: 'processing'},
};

window.addEventListener('message', (event) => {
  if (event.origin !== parentOrigin || typeof event.data !== 'string') return;
  let message;
  try {
    message = JSON.parse(event.data);
  } catch {
    return;
  }
  if (message?.name !== 'SDK_TO_APP' || message.instanceId !== instanceId) return;
  const context = message.context ?? {};
  // A log of what the app received, for the tests (same origin: the test reads it).
  (window.received ??= []).push(context.event);
  if (context.event === 'submitPay') {
    const report = REPORTS[scenario];
    if (report) post('onEventCallback', report);
  }
});

if (scenario !== 'silent') {
  post('onLaunch');
  // The SDK sizes its container from this and only then shows the iframe (opacity 1).
  post('onSizeChanged', {height: Math.max(document.documentElement.scrollHeight, 60)});
  if (scenario !== 'no-ready') post('dismissLoading');
}
