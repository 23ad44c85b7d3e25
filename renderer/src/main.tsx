import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import { MissingApi } from './components/MissingApi.js';
import { startApp } from './state/events.js';
import { api, hasApi, unwrap } from './api/client.js';
import { startI18n } from './i18n/i18n.js';
import { languageOf } from './i18n/language.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/browser.css';
import './styles/grid.css';
import './styles/transfers.css';
import './styles/dialog.css';
import './styles/menu.css';

// Files dropped outside the file list must not make the window navigate to them.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  });
}

const info = hasApi() ? await unwrap(api().app.info({})).catch(() => undefined) : undefined;
await startI18n(languageOf(info));
const root = createRoot(document.getElementById('root')!);
if (hasApi()) {
  startApp();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  root.render(<MissingApi />);
}
