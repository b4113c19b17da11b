import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Site } from './Site';
import './styles.css';
import '../views/kit/kit.css';
import '../course/course.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Site />
  </StrictMode>,
);
