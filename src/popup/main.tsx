import { render } from 'preact';

render(<main>Uncanned</main>, document.getElementById('app') as HTMLElement);
