// Renders the extension icon (assets/icon.svg) into the PNG sizes Chrome and Firefox ask for,
// as public/icon/<size>.png. Run after changing the SVG: npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES } from '../utils/icon-sizes';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'assets/icon.svg'));
const outDir = path.join(root, 'public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(path.join(outDir, `${size}.png`), png);
  console.log(`public/icon/${size}.png`);
}
