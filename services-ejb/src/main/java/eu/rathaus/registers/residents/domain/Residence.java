package eu.rathaus.registers.residents.domain;

/** Whether an address is the main or a secondary residence (§ 21 BMG). */
public enum Residence {
  MAIN,
  SECONDARY
}
