package eu.rathaus.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The web layer (Faces beans, servlets, REST resources) talks to the services' application API and
 * domain types only (issue 11): no entity manager, no JPA queries, no persistence adapters.
 */
@AnalyzeClasses(packages = "eu.rathaus.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebLayerWallsTest {

  /**
   * Frozen (store in {@code src/test/archunit}): the store once held known violations and is empty
   * now, so any violation fails.
   */
  @ArchTest
  static final ArchRule webNeverTouchesJpa =
      FreezingArchRule.freeze(
          noClasses()
              .that()
              .resideInAPackage("eu.rathaus.web..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
              .because(
                  "data is read and written by the application services, inside their transactions and tenant scope"));

  @ArchTest
  static final ArchRule webNeverTouchesInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("eu.rathaus.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("eu.rathaus..infrastructure..")
          .because(
              "adapters are the services' own business; the web layer uses their application API");
}
