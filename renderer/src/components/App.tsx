/** The window: sidebar of connections, the main pane, transfers, dialogs and toasts. */
import { Dialogs } from './Dialogs.js';
import { MainPane } from './MainPane.js';
import { Sidebar } from './Sidebar.js';
import { Toasts } from './Toasts.js';
import { TransfersPanel } from '../features/transfers/TransfersPanel.js';

export function App() {
  return (
    <div className="app">
      <Sidebar />
      <div className="main">
        <MainPane />
        <TransfersPanel />
      </div>
      <Toasts />
      <Dialogs />
    </div>
  );
}
