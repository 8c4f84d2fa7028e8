package eu.rathaus.operations.domain;

/** Counts the figures; called inside a transaction in the platform scope. */
public interface OperatorFigureSource {

  OperatorFigures count();
}
