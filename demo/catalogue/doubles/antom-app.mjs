// The catalogue's copy of test/hosted/doubles/antom-app.js: a double of Antom's hosted vaulting
// app (the page the SDK puts in its iframe), speaking the postMessage protocol of
// @alipay/ams-checkout 1.47.2 (esm/plugin/component/index.js: listener :989-1006,
// _handleAppMessage :1214+, dispatchToApp :1794-1813; antom-production.md §3.2):
// - to the page: JSON strings {name: 'APP_TO_SDK', instanceId, context: {event, data?, eventCallbackId?}},
//   from this page's origin (the SDK ignores other origins and other instanceIds);
// - from the page: {name: 'SDK_TO_APP', instanceId, context: {event: 'submitPay', eventCallbackId, data}}.
// What it answers to submitPay is chosen by the `scenario` query parameter (the catalogue's
// elementLink carries it): success | fail | error-code | processing. It reads no input and sends
// nothing but postMessage to its parent.
const query = new URLSearchParams(location.search);
const instanceId = query.get('instanceId') ?? '';
const scenario = query.get('scenario') ?? 'success';
const parentOrigin = new URL(query.get('refUrl') ?? document.referrer).origin;

function post(event, data, eventCallbackId) {
  const message = {name: 'APP_TO_SDK', instanceId, context: {event, ...(data === undefined ? {} : {data}), ...(eventCallbackId ? {eventCallbackId} : {})}};
  parent.postMessage(JSON.stringify(message), parentOrigin);
}

const REPORTS = {
  success: {code: 'SDK_PAYMENT_SUCCESSFUL', message: 'card vaulted (local double)'},
  fail: {code: 'SDK_PAYMENT_FAIL', message: 'declined (local double)', result: {result: {resultCode: 'CARD_NOT_SUPPORTED'}}},
  'error-code': {code: 'SDK_SUBMIT_NETWORK_ERROR', message: 'network (local double)'},
  processing: {code: 'SDK_PAYMENT_PROCESSING', message: 'processing (local double)'},
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
  if (message.context?.event === 'submitPay') {
    const report = REPORTS[scenario];
    if (report) post('onEventCallback', report);
  }
});

/** The SDK sizes its container from onSizeChanged and only then shows the iframe. */
const sendSize = () => post('onSizeChanged', {height: Math.max(document.documentElement.scrollHeight, 60)});
post('onLaunch');
sendSize();
post('dismissLoading');
// Narrow screens wrap the text: tell the SDK the new height.
new ResizeObserver(sendSize).observe(document.body);
