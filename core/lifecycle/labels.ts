/** Labels for event types, as the public tracking page and the timeline print them. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  submitted: 'Request submitted through Docketwatch',
  received: 'Received by the agency',
  acknowledged: 'Acknowledged by the agency',
  determination: 'Determination issued',
  records_released: 'Records released',
  appeal_filed: 'Administrative appeal filed',
  appeal_decided: 'Appeal decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};
