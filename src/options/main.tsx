import { render } from 'preact';
import { api } from './api';
import { App } from './app';
import '../shared/theme.css';
import '../shared/buttons.css';
import './styles/form.css';
import './styles/controls.css';

render(<App api={api} />, document.getElementById('app') as HTMLElement);
