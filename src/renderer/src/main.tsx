// Entry point: language first (from the engine's settings, else the browser), then the app.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { desk } from './api/desk-client';
import { App } from './App';
import { browserLocale, initI18n } from './i18n/i18n-setup';
import { createQueryClient } from './lib/query-client';
import { NoticesProvider } from './shell/Notices';
import './app.css';

async function start(): Promise<void> {
  // A desk that cannot read its settings still opens, in the browser's language.
  const saved = await desk.getSettings({}).then(
    (s) => s.locale,
    () => null,
  );
  await initI18n(saved ?? browserLocale());
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <NoticesProvider>
          <App />
        </NoticesProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
