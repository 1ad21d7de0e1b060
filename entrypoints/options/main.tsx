import { render } from 'preact';
import '@/components/base.css';
import { Options } from './Options';

render(<Options />, document.getElementById('app')!);
