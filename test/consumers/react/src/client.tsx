// Client entry. `?late`: render first, register the tag afterwards (what a lazily loaded element
// meets). Server-rendered markup in #root: hydrate it.
import {StrictMode} from 'react';
import {createRoot, hydrateRoot} from 'react-dom/client';
import {App} from './App.js';

window.__events = [];
const root = document.getElementById('root')!;
const late = new URLSearchParams(location.search).has('late');
const define = () => import('antom-card-binding/define');

if (!late) await define();
if (root.firstElementChild) hydrateRoot(root, <StrictMode><App /></StrictMode>);
else createRoot(root).render(<StrictMode><App /></StrictMode>);
if (late) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await define();
}
document.body.dataset.started = 'yes';
