import { createRoot } from 'react-dom/client';
// Printed sheets use a bundled font, so a sheet prints the same on every PC (only the glyph
// subsets a page uses are loaded, and the PDF embeds only the glyphs it prints).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(<App />);
