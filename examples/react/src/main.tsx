import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <koe-intake>; its koe-* events are typed on every element and on document.
import 'koe-widgets/intake';
import { App } from './App.tsx';

document.addEventListener('koe-queued', (event) => {
  console.info(`Koe: ${event.detail.id} is waiting on this device (persistent: ${event.detail.persistent})`);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
