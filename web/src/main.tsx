import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app';
import { createRouter } from './router';
import './styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ConsoleApp router={createRouter()} />);
