package eu.rathaus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The walls between capabilities (issue 11), checked on every build: packages by capability ({@code
 * eu.rathaus.<capability>.{domain,application,infrastructure}}) form no cycles, a domain stays free
 * of use cases, persistence adapters and Faces, and a capability reaches another one only through
 * its application API or its domain types and ports — never its infrastructure. {@code kernel}
 * (caller and tenant scope), {@code platform} (schema, health) and the modules {@code identity} and
 * {@code migrations} are shared by all.
 */
@AnalyzeClasses(packages = "eu.rathaus", importOptions = ImportOption.DoNotIncludeTests.class)
class CapabilityWallsTest {

  /** Packages every capability may use; they use no capability themselves. */
  static final Set<String> SHARED = Set.of("kernel", "platform", "identity", "migrations");

  private static final Pattern CAPABILITY =
      Pattern.compile("eu\\.rathaus\\.([a-z]+)(\\.([a-z]+))?.*");

  @ArchTest
  static final ArchRule capabilitiesAreFreeOfCycles =
      slices().matching("eu.rathaus.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule domainDependsOnNoUseCasesAdaptersOrFaces =
      noClasses()
          .that()
          .resideInAPackage("eu.rathaus..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "eu.rathaus..application..",
              "eu.rathaus..infrastructure..",
              "eu.rathaus.web..",
              "jakarta.faces..",
              "org.primefaces..")
          .because(
              "a domain holds the rules; use cases and adapters depend on it, not the other way round");

  @ArchTest
  static final ArchRule sharedKernelUsesNoCapability =
      noClasses()
          .that()
          .resideInAnyPackage("eu.rathaus.kernel..", "eu.rathaus.platform..")
          .should()
          .dependOnClassesThat(
              new DescribedPredicate<JavaClass>("a capability") {
                @Override
                public boolean test(JavaClass target) {
                  return capability(target).filter(c -> !SHARED.contains(c)).isPresent();
                }
              });

  @ArchTest
  static final ArchRule capabilitiesMeetOnlyThroughApplicationApiAndDomainPorts =
      classes()
          .that()
          .resideInAPackage("eu.rathaus..")
          .should(onlyUseOtherCapabilitiesThroughApplicationOrDomain());

  @ArchTest
  static final ArchRule applicationLayerDoesNotUseFaces =
      noClasses()
          .that()
          .resideInAnyPackage("eu.rathaus..application..", "eu.rathaus..infrastructure..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.faces..", "org.primefaces..");

  @ArchTest
  static final ArchRule entitiesLiveInDomainOrInfrastructure =
      classes()
          .that()
          .areAnnotatedWith("jakarta.persistence.Entity")
          .should()
          .resideInAnyPackage("eu.rathaus..domain..", "eu.rathaus..infrastructure..")
          .because("an entity with behaviour is domain, a plain persistence record infrastructure");

  private static ArchCondition<JavaClass> onlyUseOtherCapabilitiesThroughApplicationOrDomain() {
    return new ArchCondition<>(
        "use other capabilities only through their application or domain packages") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> from = capability(origin);
        if (from.isEmpty()) {
          return;
        }
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          Optional<String> to = capability(target);
          if (to.isEmpty() || to.equals(from) || SHARED.contains(to.get())) {
            continue;
          }
          String layer = layer(target);
          if (!"application".equals(layer) && !"domain".equals(layer)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  static Optional<String> capability(JavaClass type) {
    Matcher m = CAPABILITY.matcher(type.getPackageName() + ".");
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String layer(JavaClass type) {
    Matcher m = CAPABILITY.matcher(type.getPackageName() + ".");
    return m.matches() ? m.group(3) : null;
  }
}
