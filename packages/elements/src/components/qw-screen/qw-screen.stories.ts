import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-screen>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Composites/qw-screen', component: 'qw-screen' };
export default meta;
type Story = StoryObj;

export const Waiting: Story = {
  name: 'Waiting',
  render: () => html`<qw-screen .client=${createFakeClient()}></qw-screen>`,
};
export const Lobby: Story = {
  name: 'Lobby',
  render: () => html`<qw-screen theme="dark" .client=${s.lobbyFull('screen')}></qw-screen>`,
};
export const Question: Story = {
  name: 'Question',
  render: () => html`<qw-screen theme="dark" .client=${s.liveHistogram()}></qw-screen>`,
};
