import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-leaderboard>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-leaderboard', component: 'qw-leaderboard' };
export default meta;
type Story = StoryObj;

export const YouInTheTop: Story = {
  name: 'You in the top',
  render: () => html`<qw-leaderboard .client=${s.leaderboard(true)}></qw-leaderboard>`,
};
export const YouBelowTheTop: Story = {
  name: 'You below the top',
  render: () => html`<qw-leaderboard .client=${s.leaderboard(false)}></qw-leaderboard>`,
};
export const Final: Story = {
  name: 'Final',
  render: () => html`<qw-leaderboard .client=${s.finished()} source="final"></qw-leaderboard>`,
};
