import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-duel>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Composites/qw-duel', component: 'qw-duel' };
export default meta;
type Story = StoryObj;

export const Start: Story = {
  name: 'Start',
  render: () => html`<qw-duel .client=${createFakeClient()}></qw-duel>`,
};
export const WaitingForTheOpponent: Story = {
  name: 'Waiting for the opponent',
  render: () => html`<qw-duel .client=${s.duel('waiting')}></qw-duel>`,
};
export const HeadToHead: Story = {
  name: 'Head to head',
  render: () => html`<qw-duel .client=${s.duel('question')}></qw-duel>`,
};
export const OpponentLeft: Story = {
  name: 'Opponent left',
  render: () => html`<qw-duel .client=${s.duel('opponentLeft')}></qw-duel>`,
};
export const Won: Story = { name: 'Won', render: () => html`<qw-duel .client=${s.duel('won')}></qw-duel>` };
export const RematchOffered: Story = {
  name: 'Rematch offered',
  render: () => html`<qw-duel .client=${s.duel('rematch')}></qw-duel>`,
};
