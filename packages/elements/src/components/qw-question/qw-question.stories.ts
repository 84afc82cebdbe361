import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-question>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-question', component: 'qw-question' };
export default meta;
type Story = StoryObj;

export const Answering: Story = {
  name: 'Answering',
  render: () => html`<qw-question .client=${s.answering()}></qw-question>`,
};
export const MultipleSelect: Story = {
  name: 'Multiple select',
  render: () => html`<qw-question .client=${s.answering('multiple')}></qw-question>`,
};
export const TrueOrFalse: Story = {
  name: 'True or false',
  render: () => html`<qw-question .client=${s.answering('truefalse')}></qw-question>`,
};
export const Poll: Story = {
  name: 'Poll',
  render: () => html`<qw-question .client=${s.answering('poll')}></qw-question>`,
};
export const Answered: Story = {
  name: 'Answered',
  render: () => html`<qw-question .client=${s.answered()}></qw-question>`,
};
export const LockedTimeUp: Story = {
  name: 'Locked (time up)',
  render: () => html`<qw-question .client=${s.locked()}></qw-question>`,
};
export const AnswerRejected: Story = {
  name: 'Answer rejected',
  render: () => html`<qw-question .client=${s.rejected()}></qw-question>`,
};
export const Reveal: Story = {
  name: 'Reveal',
  render: () => html`<qw-question .client=${s.reveal(true)}></qw-question>`,
};
export const RightToLeftText: Story = {
  name: 'Right-to-left text',
  render: () => html`<div dir="rtl"><qw-question .client=${s.rtlQuestion()}></qw-question></div>`,
};
