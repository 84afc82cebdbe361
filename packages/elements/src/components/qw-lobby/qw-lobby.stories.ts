import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-lobby>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-lobby', component: 'qw-lobby' };
export default meta;
type Story = StoryObj;

export const HostEmpty: Story = {
  name: 'Host, empty',
  render: () => html`<qw-lobby .client=${s.lobbyEmpty()}></qw-lobby>`,
};
export const HostFullLongAndRTLNames: Story = {
  name: 'Host, full (long and RTL names)',
  render: () => html`<qw-lobby .client=${s.lobbyFull()}></qw-lobby>`,
};
export const PlayerWaiting: Story = {
  name: 'Player waiting',
  render: () => html`<qw-lobby .client=${s.lobbyFull('player')}></qw-lobby>`,
};
export const HostileNicknamesRenderAsText: Story = {
  name: 'Hostile nicknames render as text',
  render: () => html`<qw-lobby .client=${s.hostileNames()}></qw-lobby>`,
};
