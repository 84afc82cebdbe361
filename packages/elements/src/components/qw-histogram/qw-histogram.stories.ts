import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-histogram>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-histogram', component: 'qw-histogram' };
export default meta;
type Story = StoryObj;

export const Live: Story = {
  name: 'Live',
  render: () => html`<qw-histogram .client=${s.liveHistogram()}></qw-histogram>`,
};
export const Reveal: Story = {
  name: 'Reveal',
  render: () => html`<qw-histogram .client=${s.reveal(true, 'host')}></qw-histogram>`,
};
