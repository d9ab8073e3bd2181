package cn.duban.platform.materials;

import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.material.Material;
import cn.duban.kernel.people.Role;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.DubanPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Uploading and opening the files that prove records. Unit staff upload for their own unit and open
 * only files uploaded for it; the lead office uploads for any unit it names; the lead office,
 * supervisors and leaders open any file, as they read any unit's records.
 */
@RestController
@RequestMapping("/api/materials")
@Tag(name = "台账材料 Materials")
public class MaterialController {
    private final MaterialStore store;
    private final cn.duban.platform.security.UnitReading reading;

    public MaterialController(MaterialStore store, cn.duban.platform.security.UnitReading reading) {
        this.store = store;
        this.reading = reading;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传材料 / upload a file for a unit's records (PDF, JPEG, PNG, Word, Excel)",
            description = "Answers the file's sha256, name, type and size; a record names its files by sha256. "
                    + "sha256 (optional) is checked against the bytes received: a mismatch stores nothing.")
    public Material upload(@RequestPart(name = "file", required = false) MultipartFile file,
                           @RequestParam(required = false) String unitId, @RequestParam(required = false) String sha256) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "缺少文件 / no file");
        }
        DubanPrincipal user = CurrentUser.get().orElseThrow(() -> new ForbiddenException("请先登录 / sign in first"));
        String unit = unitId;
        if (user.role() == Role.UNIT_STAFF) {
            if (unit != null && !unit.equals(user.unitId())) {
                throw new ForbiddenException("只能为本单位上传 / unit staff upload for their own unit only");
            }
            unit = user.unitId();
        } else if (unit == null || unit.isBlank()) {
            throw new InvalidInputException("unitId", "请指明材料所属单位 / name the unit the file is for");
        }
        if (file.getSize() > store.maxSize()) {
            throw new InvalidInputException("file", "文件超过" + (store.maxSize() / (1024 * 1024)) + "MB / the file is too large");
        }
        return store.store(file.getOriginalFilename(), file.getBytes(), sha256, unit, user.username());
    }

    @GetMapping("/{sha256}/info")
    @Operation(summary = "材料信息 / what a file is: name, type, size")
    public Material info(@PathVariable String sha256) {
        return readable(sha256).material();
    }

    @GetMapping("/{sha256}")
    @Operation(summary = "打开材料 / open a file: images and PDF shown in the browser, Word and Excel downloaded")
    public ResponseEntity<byte[]> open(@PathVariable String sha256) {
        Material m = readable(sha256).material();
        boolean inline = m.contentType().startsWith("image/") || m.contentType().equals("application/pdf");
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(m.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ETAG, "\"" + m.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
                .body(store.read(sha256));
    }

    private MaterialStore.Stored readable(String sha256) {
        MaterialStore.Stored stored = store.find(sha256).orElseThrow(() -> new NotFoundException("文件不存在 / no such file"));
        DubanPrincipal user = CurrentUser.get().orElseThrow(() -> new ForbiddenException("请先登录 / sign in first"));
        if (stored.units().stream().noneMatch(unit -> reading.mayRead(user, unit))) {
            throw new ForbiddenException("只能查看本单位及本单位正在互查的单位的材料 / unit staff open their own unit's files, and those of the units they inspect in an open 互查 round");
        }
        return stored;
    }
}
