// Server entry (vite build --ssr): the App as HTML, rendered in Node.
import {StrictMode} from 'react';
import {renderToString} from 'react-dom/server';
import {App} from './App.js';

export const render = () => renderToString(<StrictMode><App /></StrictMode>);
