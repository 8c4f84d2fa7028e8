package eu.rathaus.portability.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.attachments.domain.KeyProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one request that every export (CLI, platform admin's job, tests) is described by. */
class MunicipalityExportRequestTest {

  private static final PortabilityKeys OWN = PortabilityKeys.generate();
  private static final PortabilityKeys TARGET = PortabilityKeys.generate().publicKeys();
  private static final KeyProvider MASTER =
      new KeyProvider() {
        @Override
        public String currentMasterKeyId() {
          return "test";
        }

        @Override
        public byte[] wrap(byte[] dataKey, byte[] context) {
          throw new UnsupportedOperationException();
        }

        @Override
        public byte[] unwrap(String masterKeyId, byte[] wrappedKey, byte[] context) {
          throw new UnsupportedOperationException();
        }

        @Override
        public String problem() {
          return null;
        }
      };

  @Test
  void theShortFormReportsNoProgressAndCarriesNoOrganization() {
    MunicipalityExport.Request request =
        MunicipalityExport.Request.of("musterstadt", MASTER, OWN, TARGET);

    assertThat(request.progress()).isSameAs(MunicipalityExport.Progress.NONE);
    assertThat(request.organization()).isNull();
    assertThat(request.slug()).isEqualTo("musterstadt");
  }

  @Test
  void aMissingProgressMeansNoneAndTheOrganizationIsKept() {
    Map<String, Object> organization = Map.of("alias", "musterstadt");

    MunicipalityExport.Request request =
        new MunicipalityExport.Request("musterstadt", MASTER, OWN, TARGET, null, organization);

    assertThat(request.progress()).isSameAs(MunicipalityExport.Progress.NONE);
    assertThat(request.organization()).isEqualTo(organization);
  }

  @Test
  void aRequestWithoutSlugOrKeysIsRefusedAtOnce() {
    assertThatThrownBy(() -> MunicipalityExport.Request.of(null, MASTER, OWN, TARGET))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("slug");
    assertThatThrownBy(() -> MunicipalityExport.Request.of("musterstadt", null, OWN, TARGET))
        .hasMessage("sourceMaster");
    assertThatThrownBy(() -> MunicipalityExport.Request.of("musterstadt", MASTER, null, TARGET))
        .hasMessage("own");
    assertThatThrownBy(() -> MunicipalityExport.Request.of("musterstadt", MASTER, OWN, null))
        .hasMessage("target");
  }
}
