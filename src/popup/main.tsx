import { render } from 'preact';
import { api } from './api';
import { App } from './app';
import '../shared/theme.css';
import '../shared/buttons.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/rows.css';
import './styles/details.css';

render(<App api={api} />, document.getElementById('app') as HTMLElement);
