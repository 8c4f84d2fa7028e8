package eu.rathaus.attachments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rathaus.attachments.domain.AttachmentRefusal;
import eu.rathaus.attachments.domain.AttachmentRules;
import eu.rathaus.attachments.domain.KeyUnavailableException;
import eu.rathaus.attachments.domain.MalwareScanner;
import eu.rathaus.attachments.domain.ScanResult;
import eu.rathaus.attachments.domain.ScanStatus;
import eu.rathaus.attachments.infrastructure.AttachmentVault;
import eu.rathaus.attachments.infrastructure.Samples;
import eu.rathaus.attachments.infrastructure.TikaContentTypes;
import eu.rathaus.kernel.CallerScope;
import eu.rathaus.kernel.TenantScope;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The upload rules in their order, over an in-memory vault and a scripted scanner. */
class AttachmentServiceTest {

  private static final String ERIKA = "erika-subject";
  private static final UUID MUSTERSTADT = UUID.randomUUID();
  private static final UUID DRAFT = UUID.randomUUID();
  private static final AttachmentRules RULES =
      new AttachmentRules(2, 1024, List.of("application/pdf", "image/jpeg", "image/png"));

  private final MemoryVault vault = new MemoryVault();
  private ScanResult nextScan = ScanResult.clean();
  private AttachmentService service;

  @BeforeEach
  void setUp() {
    service = new AttachmentService();
    service.types = new TikaContentTypes();
    service.vault = vault;
    service.caller = new CallerScope();
    service.caller.set(TenantScope.citizen(ERIKA));
    service.scanner =
        new MalwareScanner() {
          @Override
          public ScanResult scan(byte[] content) {
            return nextScan;
          }

          @Override
          public boolean isConfigured() {
            return true;
          }

          @Override
          public String describe() {
            return "scripted";
          }
        };
  }

  private UploadOutcome upload(String name, byte[] bytes) {
    return service.upload(ERIKA, MUSTERSTADT, DRAFT, name, new ByteArrayInputStream(bytes), RULES);
  }

  @Test
  void storesACleanPdfWithItsHash() {
    UploadOutcome outcome = upload("Nachweis.pdf", Samples.pdf());
    assertThat(outcome.isStored()).isTrue();
    assertThat(vault.stored)
        .singleElement()
        .satisfies(
            file -> {
              assertThat(file.contentType()).isEqualTo("application/pdf");
              assertThat(file.scanStatus()).isEqualTo(ScanStatus.CLEAN);
              assertThat(file.sha256())
                  .isEqualTo(AttachmentService.sha256(Samples.pdf()))
                  .hasSize(64);
            });
  }

  @Test
  void withoutScannerTheFileIsRecordedAsNotScanned() {
    nextScan = ScanResult.notScanned();
    assertThat(upload("foto.png", Samples.png()).isStored()).isTrue();
    assertThat(vault.stored.get(0).scanStatus()).isEqualTo(ScanStatus.NOT_SCANNED);
  }

  @Test
  void refusesInTheDocumentedOrderAndAuditsEveryRefusal() {
    assertThat(upload("../evil.pdf", Samples.pdf()).refusal())
        .isEqualTo(AttachmentRefusal.BAD_NAME);
    assertThat(upload("gross.pdf", new byte[1025]).refusal())
        .isEqualTo(AttachmentRefusal.TOO_LARGE);
    assertThat(upload("leer.pdf", new byte[0]).refusal()).isEqualTo(AttachmentRefusal.EMPTY);
    assertThat(upload("rechnung.pdf", Samples.exe()).refusal())
        .isEqualTo(AttachmentRefusal.TYPE_MISMATCH);
    assertThat(upload("programm", Samples.exe()).refusal())
        .isEqualTo(AttachmentRefusal.TYPE_NOT_ALLOWED);
    nextScan = ScanResult.infected("Eicar-Test-Signature");
    assertThat(upload("eicar.pdf", Samples.pdf()).refusal())
        .isEqualTo(AttachmentRefusal.MALWARE_FOUND);
    nextScan = ScanResult.unavailable("down");
    assertThat(upload("a.pdf", Samples.pdf()).refusal())
        .isEqualTo(AttachmentRefusal.SCANNER_UNAVAILABLE);
    assertThat(vault.stored).isEmpty();
    assertThat(vault.refusals)
        .containsExactly(
            AttachmentRefusal.BAD_NAME,
            AttachmentRefusal.TOO_LARGE,
            AttachmentRefusal.EMPTY,
            AttachmentRefusal.TYPE_MISMATCH,
            AttachmentRefusal.TYPE_NOT_ALLOWED,
            AttachmentRefusal.MALWARE_FOUND,
            AttachmentRefusal.SCANNER_UNAVAILABLE);
  }

  @Test
  void refusalsCarryTheFieldTheMessageKeyAndArguments() {
    UploadOutcome outcome = upload("gross.pdf", new byte[1025]);
    assertThat(outcome.getProblem().field()).isEqualTo("file");
    assertThat(outcome.getProblem().messageKey()).isEqualTo("attachment.error.tooLarge");
    assertThat(upload("programm", Samples.exe()).getProblem().arguments())
        .containsExactly("PDF, JPEG, PNG");
  }

  @Test
  void refusesMoreThanTheMaximumCount() {
    assertThat(upload("a.pdf", Samples.pdf()).isStored()).isTrue();
    assertThat(upload("b.jpg", Samples.jpeg()).isStored()).isTrue();
    UploadOutcome third = upload("c.png", Samples.png());
    assertThat(third.refusal()).isEqualTo(AttachmentRefusal.TOO_MANY);
    assertThat(third.getProblem().arguments()).containsExactly(2);
  }

  @Test
  void missingKeysAreARefusalNotACrash() {
    vault.keysMissing = true;
    assertThat(upload("a.pdf", Samples.pdf()).refusal())
        .isEqualTo(AttachmentRefusal.STORAGE_UNAVAILABLE);
  }

  @Test
  void onlyTheSignedInCitizenUploadsForHimself() {
    assertThatThrownBy(
            () ->
                service.upload(
                    "someone-else",
                    MUSTERSTADT,
                    DRAFT,
                    "a.pdf",
                    new ByteArrayInputStream(Samples.pdf()),
                    RULES))
        .isInstanceOf(IllegalStateException.class);
    service.caller.set(TenantScope.staff(MUSTERSTADT, "mia"));
    assertThatThrownBy(
            () ->
                service.upload(
                    "mia",
                    MUSTERSTADT,
                    DRAFT,
                    "a.pdf",
                    new ByteArrayInputStream(Samples.pdf()),
                    RULES))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Keeps what would be written, in memory. */
  static final class MemoryVault extends AttachmentVault {
    final List<NewAttachment> stored = new ArrayList<>();
    final List<AttachmentRefusal> refusals = new ArrayList<>();
    boolean keysMissing;

    @Override
    public long count(String ownerSubject, UUID draftId) {
      return stored.stream()
          .filter(f -> f.ownerSubject().equals(ownerSubject) && draftId.equals(f.draftId()))
          .count();
    }

    @Override
    public AttachmentSummary store(NewAttachment file) {
      if (keysMissing) {
        throw new KeyUnavailableException("RATHAUS_KEYSTORE is not set");
      }
      stored.add(file);
      return new AttachmentSummary(
          UUID.randomUUID(),
          file.displayName(),
          file.contentType(),
          file.content().length,
          file.sha256(),
          file.scanStatus(),
          file.draftId(),
          Instant.now());
    }

    @Override
    public void recordRefusal(
        UUID municipalityId, UUID draftId, AttachmentRefusal refusal, String detail) {
      refusals.add(refusal);
    }
  }
}
