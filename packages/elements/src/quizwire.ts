/**
 * The drop-in build: Lit, the SDK and every tag in one module. A page needs only
 * `<script type="module" src="…/quizwire.js"></script>` and a tag such as
 * `<qw-player server="wss://…/ws"></qw-player>`.
 * @packageDocumentation
 */
import './define.js';

export * from './index.js';
