;;; notmuch-followup.el --- interview follow-ups in notmuch-emacs  -*- lexical-binding: t -*-

;; Part of notmuch-followup.  Free software: same licence as the program.

;; Keywords: mail
;; Package-Requires: ((emacs "27.1"))

;;; Commentary:

;; What notmuch-followup says is due, inside notmuch-emacs.
;;
;;     (require 'notmuch-followup)          ; or (load "…/notmuch-followup.el")
;;     (notmuch-followup-check-mode 1)      ; check a follow-up before it goes
;;
;; M-x notmuch-followup lists the steps that are due, most urgent first
;; (from `notmuch-followup list --format=json').  In that buffer:
;;
;;   RET  resume the step's draft (notmuch-emacs's own draft resume), or
;;        show the process when the step has no draft
;;   s    the process as a timeline (`notmuch-followup show')
;;   t    the thread in notmuch-show
;;   n    a note: what you talked about (for the row's person)
;;   z    snooze the process until a date ("friday", "2026-12-10")
;;   c    close the process       i   not an interview: ignore it
;;   r    write again a draft you deleted
;;   a    also the processes that wait, offers, closed ones (toggle)
;;   g    refresh
;;
;; `notmuch-followup-check-mode' gives each message you send to
;; `notmuch-followup check -' first; when it finds something (a
;; placeholder left, a question about pay, a follow-up before it is due)
;; you see what and are asked whether to send anyway.  It never stands
;; between you and your mail when the program cannot run.
;;
;; Nothing here goes on the network, and nothing is needed beyond
;; notmuch-emacs and the program.

;;; Code:

(require 'tabulated-list)
(require 'message)
(require 'subr-x)
(require 'notmuch nil t)

(declare-function notmuch-draft-resume "notmuch-draft" (id))
(declare-function notmuch-show "notmuch-show" (thread-id &rest _))

(defgroup notmuch-followup nil
  "Interview follow-ups from notmuch-followup, in notmuch-emacs."
  :group 'mail
  :prefix "notmuch-followup-")

(defcustom notmuch-followup-program "notmuch-followup"
  "The notmuch-followup program."
  :type 'string)

(defcustom notmuch-followup-list-all nil
  "Non-nil: the list also shows processes that wait, offers and closed ones."
  :type 'boolean)

(defconst notmuch-followup--buffer "*notmuch-followup*")
(defconst notmuch-followup--output-buffer "*notmuch-followup output*")
(defconst notmuch-followup--check-buffer "*notmuch-followup check*")

;;;; Running the program

(defun notmuch-followup--call (&rest args)
  "Run the program with ARGS; return (STATUS . OUTPUT).
STATUS is the exit status, or a string when the program cannot run;
OUTPUT is what it printed, its errors (on stderr) after a failure."
  (let ((errors (make-temp-file "notmuch-followup")))
    (unwind-protect
        (with-temp-buffer
          (let* ((coding-system-for-read 'utf-8-unix)
                 (status (condition-case err
                             (apply #'call-process notmuch-followup-program
                                    nil (list t errors) nil args)
                           (file-error (error-message-string err)))))
            (unless (eq status 0)
              (goto-char (point-max))
              (insert-file-contents errors))
            (cons status (buffer-string))))
      (delete-file errors))))

(defun notmuch-followup--json (text)
  "The JSON TEXT as lists and alists (nil for null and false)."
  (if (and (fboundp 'json-available-p) (json-available-p))
      (json-parse-string text :object-type 'alist :array-type 'list
                         :null-object nil :false-object nil)
    (require 'json)
    (let ((json-object-type 'alist) (json-array-type 'list)
          (json-null nil) (json-false nil))
      (json-read-from-string text))))

(defun notmuch-followup--run (&rest args)
  "Run the program with ARGS, show its output in the echo area.
Signal a `user-error' with the output when it fails."
  (let* ((r (apply #'notmuch-followup--call args))
         (out (string-trim (cdr r))))
    (unless (eq (car r) 0)
      (user-error "%s %s: %s" notmuch-followup-program (car args)
                  (if (stringp (car r)) (car r) out)))
    (message "%s" out)
    out))

(defun notmuch-followup--rows ()
  "The rows of `notmuch-followup list --format=json', as alists."
  (let ((r (apply #'notmuch-followup--call
                  (append '("list" "--format=json")
                          (and notmuch-followup-list-all '("--all"))))))
    (unless (eq (car r) 0)
      (user-error "%s list: %s" notmuch-followup-program
                  (if (stringp (car r)) (car r) (string-trim (cdr r)))))
    (notmuch-followup--json (cdr r))))

;;;; The list

(defun notmuch-followup--field (row key)
  (alist-get key row))

(defun notmuch-followup--person (row)
  (let ((to (notmuch-followup--field row 'to)))
    (or (alist-get 'name to) (alist-get 'addr to) "")))

(defun notmuch-followup--when (row)
  "When the step of ROW is due, as a short text."
  (let* ((step (notmuch-followup--field row 'step))
         (time (if step (notmuch-followup--field row 'due)
                 (notmuch-followup--field row 'next_change))))
    (concat (if (notmuch-followup--field row 'late) "overdue " "")
            (if time
                (format-time-string "%a %Y-%m-%d"
                                    (date-to-time time))
              "-"))))

(defun notmuch-followup--entry (row)
  "The tabulated-list entry of ROW."
  (let ((step (or (notmuch-followup--field row 'step)
                  (notmuch-followup--field row 'state) ""))
        (what (string-join
               (delq nil (list (notmuch-followup--field row 'company)
                               (notmuch-followup--field row 'role)))
               ", ")))
    (list row
          (vector (propertize step 'face
                              (if (notmuch-followup--field row 'late)
                                  'error 'warning))
                  (notmuch-followup--when row)
                  (substring (or (notmuch-followup--field row 'process) "")
                             0 (min 7 (length (or (notmuch-followup--field
                                                   row 'process) ""))))
                  what
                  (notmuch-followup--person row)
                  (cond ((notmuch-followup--field row 'request)
                         (concat "answer: "
                                 (notmuch-followup--field row 'request)))
                        ((notmuch-followup--field row 'draft_id) "draft")
                        ((notmuch-followup--field row 'step) "no draft")
                        (t ""))))))

(defun notmuch-followup--refresh ()
  (setq tabulated-list-entries
        (mapcar #'notmuch-followup--entry (notmuch-followup--rows))))

(defvar notmuch-followup-list-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "RET") #'notmuch-followup-open)
    (define-key map "s" #'notmuch-followup-show)
    (define-key map "t" #'notmuch-followup-thread)
    (define-key map "n" #'notmuch-followup-note)
    (define-key map "z" #'notmuch-followup-snooze)
    (define-key map "c" #'notmuch-followup-close)
    (define-key map "i" #'notmuch-followup-ignore)
    (define-key map "r" #'notmuch-followup-redraft)
    (define-key map "a" #'notmuch-followup-toggle-all)
    map)
  "Keys of the notmuch-followup list.")

(define-derived-mode notmuch-followup-list-mode tabulated-list-mode
  "Followup"
  "The steps notmuch-followup says are due, most urgent first.
\\{notmuch-followup-list-mode-map}"
  (setq tabulated-list-format
        [("Step" 15 t) ("When" 22 nil) ("Process" 8 nil)
         ("Company, role" 36 t) ("Person" 18 t) ("Draft" 0 nil)])
  (setq tabulated-list-sort-key nil)
  (add-hook 'tabulated-list-revert-hook #'notmuch-followup--refresh nil t)
  (tabulated-list-init-header))

;;;###autoload
(defun notmuch-followup ()
  "List the interview follow-ups that are due."
  (interactive)
  (let ((buf (get-buffer-create notmuch-followup--buffer)))
    (with-current-buffer buf
      (notmuch-followup-list-mode)
      (notmuch-followup--refresh)
      (tabulated-list-print))
    (pop-to-buffer-same-window buf)))

(defun notmuch-followup--row ()
  (or (tabulated-list-get-id) (user-error "No step on this line")))

(defun notmuch-followup--process (row)
  (notmuch-followup--field row 'process))

(defun notmuch-followup--reprint ()
  (when (derived-mode-p 'notmuch-followup-list-mode)
    (revert-buffer)))

(defun notmuch-followup-open ()
  "Resume the draft of the step on this line, or show its process."
  (interactive)
  (let* ((row (notmuch-followup--row))
         (id (notmuch-followup--field row 'draft_id)))
    (if id
        (notmuch-draft-resume (concat "id:" id))
      (notmuch-followup-show))))

(defun notmuch-followup-show ()
  "Show the process of this line as a timeline."
  (interactive)
  (let* ((row (notmuch-followup--row))
         (r (notmuch-followup--call "show" (notmuch-followup--process row))))
    (unless (eq (car r) 0)
      (user-error "%s show: %s" notmuch-followup-program
                  (if (stringp (car r)) (car r) (string-trim (cdr r)))))
    (with-current-buffer (get-buffer-create notmuch-followup--output-buffer)
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (cdr r)))
      (goto-char (point-min))
      (special-mode))
    (pop-to-buffer notmuch-followup--output-buffer)))

(defun notmuch-followup-thread ()
  "Open the thread of this line in notmuch-show."
  (interactive)
  (notmuch-show (concat "thread:" (notmuch-followup--field
                                   (notmuch-followup--row) 'thread))))

(defun notmuch-followup-note (text)
  "Note TEXT (what you talked about) for the person of this line.
Without a person, for the process."
  (interactive "sWhat you talked about (a sentence to them): ")
  (let* ((row (notmuch-followup--row))
         (addr (alist-get 'addr (notmuch-followup--field row 'to))))
    (apply #'notmuch-followup--run "note"
           (append (and addr (list (concat "--to=" addr)))
                   (list (notmuch-followup--process row) text)))
    (notmuch-followup--reprint)))

(defun notmuch-followup-snooze (until)
  "Snooze the process of this line UNTIL a date (\"friday\", \"2026-12-10\")."
  (interactive "sSnooze until: ")
  (notmuch-followup--run "snooze" (concat "--until=" until)
                         (notmuch-followup--process (notmuch-followup--row)))
  (notmuch-followup--reprint))

(defun notmuch-followup-close ()
  "Close the process of this line: you are done with it."
  (interactive)
  (let ((row (notmuch-followup--row)))
    (when (yes-or-no-p (format "Close the process of %s? "
                               (or (notmuch-followup--field row 'company)
                                   "this line")))
      (notmuch-followup--run "close" (notmuch-followup--process row))
      (notmuch-followup--reprint))))

(defun notmuch-followup-ignore ()
  "This is no interview: untag its threads, never pick them up again."
  (interactive)
  (let ((row (notmuch-followup--row)))
    (when (yes-or-no-p "Not an interview: ignore these threads? ")
      (notmuch-followup--run "ignore" (notmuch-followup--process row))
      (notmuch-followup--reprint))))

(defun notmuch-followup-redraft ()
  "Write again the draft of this line's step if you deleted it."
  (interactive)
  (let* ((row (notmuch-followup--row))
         (addr (alist-get 'addr (notmuch-followup--field row 'to))))
    (apply #'notmuch-followup--run "redraft"
           (append (and addr (list (concat "--to=" addr)))
                   (list (notmuch-followup--process row))))
    (notmuch-followup--reprint)))

(defun notmuch-followup-toggle-all ()
  "Show also the processes that wait, offers and closed ones, or not."
  (interactive)
  (setq-local notmuch-followup-list-all (not notmuch-followup-list-all))
  (revert-buffer))

;;;; Before sending

(defun notmuch-followup--check-message (out)
  "Give the current message to `notmuch-followup check -', output to OUT.
The message goes as a mail: the headers, an empty line, the body.
Return the exit status, or a string when the program cannot run."
  (let ((msg (current-buffer)))
    (with-temp-buffer
      (insert-buffer-substring msg)
      (goto-char (point-min))
      (when (re-search-forward
             (concat "^" (regexp-quote mail-header-separator) "$") nil t)
        (replace-match "" t t))
      (condition-case err
          (let ((coding-system-for-write 'utf-8-unix)
                (coding-system-for-read 'utf-8-unix))
            (call-process-region (point-min) (point-max)
                                 notmuch-followup-program nil out nil
                                 "check" "-"))
        (file-error (error-message-string err))))))

(defun notmuch-followup-check-before-send ()
  "Check the message about to be sent with `notmuch-followup check -'.
Exit status 1 (findings): show them and ask whether to send anyway;
no stops the send with a `user-error'.  Anything else but 0 (an
error, or a program that cannot run): say so and let the send go on."
  (let* ((out (get-buffer-create notmuch-followup--check-buffer))
         (status (progn
                   (with-current-buffer out
                     (let ((inhibit-read-only t))
                       (erase-buffer)))
                   (notmuch-followup--check-message out)))
         (said (with-current-buffer out
                 (string-trim (buffer-string)))))
    (cond
     ((eql status 0))
     ((eql status 1)
      (display-buffer out)
      (unless (yes-or-no-p
               (format "notmuch-followup check:\n%s\nSend anyway? " said))
        (user-error "Not sent: see %s" notmuch-followup--check-buffer)))
     ((integerp status)
      (message "notmuch-followup check failed (exit %d), not checked: %s"
               status said))
     (t
      (message "notmuch-followup check could not run, not checked: %s"
               (if (string-empty-p said) status said))))))

;;;###autoload
(define-minor-mode notmuch-followup-check-mode
  "Check each message with `notmuch-followup check' before it is sent.
The check goes on `message-send-hook' ahead of the other functions there,
so that notmuch-emacs does not mark the draft deleted for a send that is
then stopped."
  :global t
  :group 'notmuch-followup
  (if notmuch-followup-check-mode
      (add-hook 'message-send-hook #'notmuch-followup-check-before-send -50)
    (remove-hook 'message-send-hook #'notmuch-followup-check-before-send)))

(provide 'notmuch-followup)

;;; notmuch-followup.el ends here
