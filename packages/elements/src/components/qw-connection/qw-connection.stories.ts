import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-connection>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-connection', component: 'qw-connection' };
export default meta;
type Story = StoryObj;

export const Connecting: Story = {
  name: 'Connecting',
  render: () => html`<qw-connection .client=${s.connection('connecting')}></qw-connection>`,
};
export const Reconnecting: Story = {
  name: 'Reconnecting',
  render: () => html`<qw-connection .client=${s.connection('reconnecting')}></qw-connection>`,
};
export const Kicked: Story = {
  name: 'Kicked',
  render: () => html`<qw-connection .client=${s.connection('kicked')}></qw-connection>`,
};
export const GameEnded: Story = {
  name: 'Game ended',
  render: () => html`<qw-connection .client=${s.connection('ended')}></qw-connection>`,
};
export const ClosedCanRetry: Story = {
  name: 'Closed, can retry',
  render: () => html`<qw-connection .client=${s.connection('closed')}></qw-connection>`,
};
