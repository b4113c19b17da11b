import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLab } from '../state/lab';
import { fromHash } from '../state/url';
import { App } from './App';
import './styles.css';
import '../views/kit/kit.css';

const { config, ui, notes } = fromHash(window.location.hash);
let id = 1;
const lab = createLab({ config, ui, notices: notes.map((text) => ({ id: -id++, kind: 'warning' as const, text })) });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App lab={lab} />
  </StrictMode>,
);
